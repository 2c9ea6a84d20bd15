#!/bin/bash

rm -- "$CERTBOT_TOKEN"
