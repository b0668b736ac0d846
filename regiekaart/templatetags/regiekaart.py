from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping[key]`, or None (dict lookups with a variable key)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None
