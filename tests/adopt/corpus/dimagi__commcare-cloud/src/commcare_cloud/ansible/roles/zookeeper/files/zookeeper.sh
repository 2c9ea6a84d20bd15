#!/bin/sh
export PATH=/opt/zookeeper/bin:$PATH
