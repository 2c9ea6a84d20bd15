#  Copyright©2021, Regents of the University of California
#  http://creativecommons.org/licenses/BSD

# default_app_config = 'impl.startup.Startup'

# see https://docs.celeryq.dev/en/stable/django/first-steps-with-django.html
# This will make sure the app is always imported when
# Django starts so that shared_task will use this app.
