"""Words that suggest an event's topics. Keyed by topic slug: only topics that exist in the
database are guessed, and every topic is also found by its own name."""

TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "defense-industry": (
        "defense industry", "defence industry", "defense industries", "defence industries",
        "defense sector", "defence sector", "arms production", "weapons production",
        "defense production", "defence production", "joint production of weapons",
        "defense cooperation", "defence cooperation", "military-industrial",
    ),
    "trade": ("trade", "exports", "imports", "tariff", "tariffs", "free trade", "trading"),
    "economy": (
        "economic", "economy", "investment", "investments", "investors", "finance",
        "financial",
    ),
    "reconstruction": ("reconstruction", "rebuild", "rebuilding", "recovery"),
    "education": ("education", "educational", "universities", "students", "academic"),
    "science": ("science", "scientific", "research", "technology", "technological"),
    "culture": ("culture", "cultural", "heritage", "arts"),
    "war": (
        "war", "attack", "attacks", "strike", "strikes", "bombed", "shelling", "missile",
        "missiles", "drone", "drones", "killed", "killing", "invasion", "ceasefire",
        "cease-fire", "troops",
    ),
    "energy": ("energy", "gas", "oil", "nuclear power", "electricity", "pipeline"),
    "security": ("security", "defense", "defence", "military"),
    "health": ("health", "healthcare", "medical", "vaccine", "vaccines"),
    "climate": ("climate", "emissions", "renewable"),
    "migration": ("migration", "migrants", "refugees", "asylum"),
}  # fmt: skip
