#!/bin/bash

usage() {
    if [ -n "$1" ]; then
        echo;
        echo Error : $1
    fi

    echo;
    echo Usage: build.sh [options];
    echo;
    echo "-e hostname   : Elasticsearch server hostname";
    echo "-h dbname     : Database host";
    echo "-u dbuser     : Database user";
    echo "-p dbpassword : Database password";
    echo '-m dbname     : Database name'
    echo "-l            : Promote new index, assign it the alias and delete the old index";
    echo '-s            : Runs non interactive, no prompts';
    echo '-d seconds    : Number of seconds delay when checking if rivers are complete';
    echo '-r minutes    : Number of minutes between the indexes updating themselves';
    echo "-n version    : The new version of the index to create (TESTING ONLY)";
    echo '-i n/a        : Index to use irfo (TESTING ONLY)'
    exit;
}

interactive=true
delay=60 # seconds
reindex=60 # minutes
INDEXES=( "address" "application" "busreg" "case" "irfo" "licence" "operator" "person" "pi_hearing" "psv_disc" "publication" "recipient" "user" "vehicle_current" "vehicle_removed" )

while getopts ":e:h:u:p:m:d:r:n:ils" opt; do
  case $opt in
    e)
        ELASTIC_HOST=$OPTARG
      ;;
    h)
        DBHOST=$OPTARG
      ;;
    u)
        DBUSER=$OPTARG
      ;;
    p)
        DBPASSWORD=$OPTARG
      ;;
    m)
        DBNAME=$OPTARG
      ;;
    l)
        promoteNewIndex=true
      ;;
    s)
        interactive=false
      ;;
    d)
        delay=$OPTARG
      ;;
    r)
        reindex=$OPTARG
      ;;
    n)
        newVersion=$OPTARG
      ;;
    i)
        INDEXES=( "irfo" )
      ;;
    \?)
      usage "Invalid option: -$OPTARG";
      ;;
    :)
      usage "Option -$OPTARG requires an argument.";
      ;;
  esac
done

if [ -z "$ELASTIC_HOST" ]
then
    usage "-e parameter must be set"
    exit;
fi


echo ==================================================
echo $(date)


echo ELASTIC_HOST = $ELASTIC_HOST
echo DBHOST = $DBHOST
echo DBNAME = $DBNAME
echo Working on indexes: ${INDEXES[@]}
echo Delay = $delay seconds
echo Reindex = $reindex miuntes

oldVersion=2
newVersion=1


echo ==================================================
echo $(date)
echo ============= REMOVE ALIAS FROM OLD INDEX ============
for index in "${INDEXES[@]}"
do
    response=$(curl -XPOST -s $ELASTIC_HOST':9200/_aliases' -d '
    {
        "actions" : [
            { "remove" : { "index" : "'$index'_v'$oldVersion'", "alias" : "'$index'" } }
        ]
    }')
    if [[ $response != "{\"acknowledged\":true}" ]]; then
        echo $response
    fi
done



echo ==================================================
echo $(date)
echo ============= ADD ALIAS TO NEW INDEX ============
for index in "${INDEXES[@]}"
do
    response=$(curl -XPOST -s $ELASTIC_HOST':9200/_aliases' -d '
    {
        "actions" : [
            { "add"    : { "index" : "'$index'_v'$newVersion'", "alias" : "'$index'" } }
        ]
    }')
    if [[ $response != "{\"acknowledged\":true}" ]]; then
        echo $response
        exit 1
    fi
done





echo ==================================================
echo $(date)
echo ============= DELETING OLD INDEXES ===============
cd ../utilities
for index in "${INDEXES[@]}"
do
    echo $index
    source deleteNamedIndex.sh $index $oldVersion
done





echo ==================== DONE ========================
echo $(date)
