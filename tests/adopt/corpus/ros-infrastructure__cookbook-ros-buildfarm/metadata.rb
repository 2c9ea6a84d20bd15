name 'ros_buildfarm'
maintainer 'Steven! Ragnarök'
maintainer_email 'steven@openrobotics.org'
license 'Apache-2.0'
description 'Installs/Configures ros_buildfarm'
long_description 'Installs/Configures ros_buildfarm'
version '0.5.0'
chef_version '>= 15.0'

issues_url 'https://github.com/ros-infrastructure/cookbook-ros-buildfarm/issues'
source_url 'https://github.com/ros-infrastructure/cookbook-ros-buildfarm/'

depends 'jenkins'
