class SalClientError(Exception):
    pass
