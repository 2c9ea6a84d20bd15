terraform $chdir workspace select -no-color "$workspace" $config_path
