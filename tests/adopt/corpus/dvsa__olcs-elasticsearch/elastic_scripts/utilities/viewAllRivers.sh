curl -XGET http://localhost:9200/_river/_search?q=*
