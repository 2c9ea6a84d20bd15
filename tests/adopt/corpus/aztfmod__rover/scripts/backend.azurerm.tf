terraform {
    backend "azurerm" {
    }
}