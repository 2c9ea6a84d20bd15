from archivebot import init


def on_starting(server):
    init()
