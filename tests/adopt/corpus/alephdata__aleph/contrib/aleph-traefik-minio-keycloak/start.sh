#!/bin/sh

#docker-compose -f docker-compose.yml up -d --scale worker=6

docker-compose -f docker-compose.yml up -d 
