class agent_files {
}
