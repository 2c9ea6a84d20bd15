from .export_installed import exportInstalledBuild
from .export_packages import exportPackages
