#!/bin/bash

sshare -a --parsable2 > sshare.txt
