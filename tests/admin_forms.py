"""Building admin POST data the way a browser would: from the form the admin rendered."""

import re

# The version a change form was opened at (admin/events/change_form.html), as a browser posts it.
SEEN_VERSION = re.compile(rb'name="_seen_version" value="([^"]+)"')


def _value(bound_field):
    value = bound_field.value()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value)


def form_data(response, **inline_rows):
    """POST data for the admin add/change page in `response`: every field as rendered, the
    inline formsets' management forms and existing rows, plus new inline rows given as
    `prefix=[{field: value}, ...]`. Unticked checkboxes are left out, as browsers do."""
    data = {}
    if found := SEEN_VERSION.search(response.content):
        data["_seen_version"] = found.group(1).decode()
    form = response.context["adminform"].form
    for name in form.fields:
        value = _value(form[name])
        if value != "":
            data[name] = value
    # The history revert page renders the form without inlines.
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        rows = inline_rows.get(formset.prefix, [])
        initial = formset.initial_form_count()
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(initial + len(rows))
        data[f"{formset.prefix}-INITIAL_FORMS"] = str(initial)
        data[f"{formset.prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{formset.prefix}-MAX_NUM_FORMS"] = "1000"
        for existing in formset.initial_forms:
            for name in existing.fields:
                value = _value(existing[name])
                if value != "":
                    data[existing.add_prefix(name)] = value
        for index, row in enumerate(rows, start=initial):
            for name, value in row.items():
                data[f"{formset.prefix}-{index}-{name}"] = value
    return data
