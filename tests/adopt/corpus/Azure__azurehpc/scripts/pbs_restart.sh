#!/bin/bash

systemctl restart pbs
