# Magical Variables
# -------------------
# log(message)
# except MissingRequiredParam
# except PluginFail
# params


# def maintenance_start(tree):
# def maintenance_complete(tree):


# def node_found(node):
# def directory_found(path):
# def directory_empty(path):
