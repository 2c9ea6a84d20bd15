# class Constants:
MINISTRY_OF_JUSTICE = "ministryofjustice"
MOJ_ANALYTICAL_SERVICES = "moj-analytical-services"
MISSING_EMAIL_ADDRESS = "-"
NO_ACTIVITY = "no activity"
RESPONSE_OKAY = 200
RESPONSE_NO_CONTENT = 204
