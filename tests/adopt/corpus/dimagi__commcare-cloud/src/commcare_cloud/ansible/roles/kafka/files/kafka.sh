#!/bin/sh
export PATH=/opt/kafka/bin:$PATH
