"""AWS Cost Calculator / Analyser service package."""
