"""conda-forge-ci-utils"""
