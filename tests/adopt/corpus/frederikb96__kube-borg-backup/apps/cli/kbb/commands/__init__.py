"""Command modules for kbb CLI."""
