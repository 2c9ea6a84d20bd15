base_url = "https://gitlab.example.com"
project_id = "1234"
access_token = "12341234"

# delete_issues
label = "linkchecker"
