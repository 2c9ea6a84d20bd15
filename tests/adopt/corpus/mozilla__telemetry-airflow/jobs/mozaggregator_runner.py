from mozaggregator import cli

cli.entry_point()
