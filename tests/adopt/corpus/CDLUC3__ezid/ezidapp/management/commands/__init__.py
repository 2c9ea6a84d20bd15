#  Copyright©2021, Regents of the University of California
#  http://creativecommons.org/licenses/BSD
