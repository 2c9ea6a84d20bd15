#!/bin/bash

docker build --no-cache -t didstopia/rust-server:latest .
