"""
Nagios check to see how much snowplow data we are currently ingesting
"""

import sys
from datetime import date

from pyiem.database import get_dbconn


def main() -> int:
    """Do Great Things"""
    pgconn = get_dbconn("postgis", user="nobody")
    pcursor = pgconn.cursor()

    pcursor.execute(
        """
        select sum(case when valid > now() - '30 minutes'::interval
            then 1 else 0 end),
         sum(case when valid > now() - '1 day'::interval then 1 else 0 end)
         from idot_dashcam_current
    """
    )
    row = pcursor.fetchone()
    count = row[0]
    daycount = row[1]
    if count is None:
        count = 0
        daycount = 0

    msg = (
        f"dashcam {count}/{daycount} |"
        f"count={count};2;1;0 daycount={daycount};2;1;0"
    )
    today = date.today()
    # Don't complain on offseason or weekend
    if today.month in (4, 5, 6, 7, 8, 9, 10) or today.isoweekday() in (6, 7):
        print(f"OK - {msg}")
        return 0
    if daycount > 2:
        print(f"OK - {msg}")
        return 0
    if daycount > 1:
        print(f"OK - {msg}")
        return 1
    print(f"CRITICAL - {msg}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
