"""Small helpers for driving admin actions through the test client, as a browser would."""

from django.contrib.messages import get_messages
from django.test import Client


def offered_actions(client: Client, url: str) -> set[str]:
    """The action names the changelist at `url` offers to the logged-in user."""
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["action_form"]
    if form is None:
        return set()
    return {name for name, _ in form.fields["action"].choices if name}


def run_action(client: Client, url: str, action: str, pks, **fields):
    """Post the changelist's action bar: `action` on the rows `pks`, plus any extra fields."""
    return client.post(
        url,
        {"action": action, "_selected_action": [str(pk) for pk in pks], "index": "0", **fields},
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]
