"""Warnings an editor confirms: an admin save that is probably a mistake (an event with no
source, one that looks like an event already recorded) is held back with a message on the
inline at fault and a checkbox beside the save buttons; ticked, the same save goes
through. Inline formsets raise the warning from their clean(), where they see the rows
(confirmation_error); the change form template shows the checkboxes (confirmations)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

# What each warning's checkbox says, by the warning's code.
CONFIRM_LABELS = {
    "no_source": "Save without a source",
    "likely_duplicate": "This is a new event, not the one above: save it",
}


def confirm_field(code: str) -> str:
    """The POST name of the checkbox that confirms the warning `code`."""
    return f"_confirm_{code}"


def confirmed(data, code: str) -> bool:
    return bool(data.get(confirm_field(code)))


def confirmation_error(code: str, message: str, **params) -> ValidationError:
    """A warning the editor can confirm; `params` (url, title) link to what it is about."""
    return ValidationError(message, code=code, params=params or None)


@dataclass
class Confirmation:
    field: str
    label: str
    message: str
    url: str = ""
    title: str = ""


def confirmations(inline_admin_formsets) -> list[Confirmation]:
    """The confirmable warnings raised by the page's inlines."""
    found = []
    for inline in inline_admin_formsets or ():
        for error in inline.formset.non_form_errors().as_data():
            if error.code in CONFIRM_LABELS:
                params = error.params or {}
                found.append(
                    Confirmation(
                        field=confirm_field(error.code),
                        label=CONFIRM_LABELS[error.code],
                        message=error.message % params if params else error.message,
                        url=params.get("url", ""),
                        title=params.get("title", ""),
                    )
                )
    return found
