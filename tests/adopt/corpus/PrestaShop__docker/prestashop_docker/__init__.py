CONTAINERS = (
    'fpm',
    'apache',
)

PREFERED_CONTAINER = 'apache'
