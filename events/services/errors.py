"""Validation errors of nested writes, addressed by dotted path: {"participants.1.official": [...]}."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def errors_at(prefix: str, error: ValidationError) -> dict:
    """`error`'s messages under dotted paths below `prefix` ("participants.1.official");
    errors of the whole row under `prefix` itself."""
    if not hasattr(error, "error_dict"):
        return {prefix: error.messages}
    return {
        prefix if name == NON_FIELD_ERRORS else f"{prefix}.{name}": messages
        for name, messages in error.message_dict.items()
    }
