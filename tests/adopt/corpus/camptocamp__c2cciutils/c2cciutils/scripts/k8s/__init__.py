"""The commands that can be used to test a chart on Kubernetes."""
