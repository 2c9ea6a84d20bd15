# config file for s3-data-exfil-audit.py

# Event data store ID
event_data_store_id = ""

# Event time filter - the start datetime for the audit capture
event_time_filter = "YYYY-MM-DD 00:00:00"