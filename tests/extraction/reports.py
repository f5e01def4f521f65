"""A wire report of our own writing with four events of the kinds editors meet every day: a
foreign minister's three-day visit from a date, a meeting with his counterpart "on
Monday", a call on the prime minister "on Tuesday", and a memorandum of understanding
signed "in December last year" (plus a departure announced for Thursday, background)."""

from datetime import UTC, datetime

VISIT_REPORT = (
    "NEW DELHI, July 9 (Wire) - Kenyan Foreign Minister Joseph Mwangi Otieno is in India for "
    "a three-day official visit from July 7, his first trip to New Delhi since taking office, "
    "the Ministry of External Affairs said.\n\n"
    "Otieno held talks with his Indian counterpart, External Affairs Minister Subrahmanyam "
    "Jaishankar, on Monday. The two ministers reviewed trade, health cooperation and maritime "
    "security in the western Indian Ocean, officials said.\n\n"
    "On Tuesday, Otieno called on Prime Minister Narendra Modi, who welcomed the growing "
    "partnership between the two countries and asked for faster work on a direct shipping "
    "route between Mombasa and Mumbai.\n\n"
    "Both sides also took stock of a memorandum of understanding on digital payments that "
    "India and Kenya signed in December last year. Officials said a first batch of Kenyan "
    "banks would join the system before the end of the year.\n\n"
    "Otieno is due to leave for Nairobi on Thursday.\n"
)
VISIT_PUBLISHED = datetime(2025, 7, 9, 8, 30, tzinfo=UTC)
