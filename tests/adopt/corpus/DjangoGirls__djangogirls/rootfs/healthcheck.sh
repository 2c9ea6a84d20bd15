#!/bin/sh -e

curl --fail -L http://localhost:8000/
