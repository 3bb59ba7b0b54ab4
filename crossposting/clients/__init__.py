"""One client module per network; `client_for` picks the one an account needs."""

from .facebook import FacebookPageClient
from .instagram import InstagramClient
from .telegram import TelegramClient
from .x import XClient

CLIENTS = {
    client.network: client
    for client in (FacebookPageClient, InstagramClient, XClient, TelegramClient)
}


def client_class(network):
    from .base import Client

    return CLIENTS.get(network, Client)


def client_for(account, *, session=None):
    return CLIENTS[account.network](account, session=session)
