#!/bin/bash

#docker tag didstopia/rust-server:latest didstopia/rust-server:latest
docker push didstopia/rust-server:latest