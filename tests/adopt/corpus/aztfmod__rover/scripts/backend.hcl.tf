terraform {
    backend "remote" {
    }
}