HEADERS = {
    'User-Agent': 'WikipediaApp/2.7 (android-support@wikimedia.org) language-script/1.0'
}
