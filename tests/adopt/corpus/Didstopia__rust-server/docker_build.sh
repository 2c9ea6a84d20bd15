#!/bin/bash

docker build -t didstopia/rust-server:latest .
