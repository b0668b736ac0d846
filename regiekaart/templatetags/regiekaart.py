from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or None (dict lookups with a variable key)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.inclusion_tag("regiekaart/_criteria_codes.html")
def criteria_codes(codes):
    """Criteria codes as abbreviations a screen reader and a hover can expand."""
    from regiekaart.constants import Criterium

    return {"criteria": [(c, Criterium(c).label) for c in codes]}
