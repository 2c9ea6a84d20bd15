x=/usr/blackbox/bin
case ":$PATH:" in *:$x:*);;*)PATH="$x:$PATH";;esac