#!/bin/bash

export DEBIAN_FRONTEND=noninteractive
