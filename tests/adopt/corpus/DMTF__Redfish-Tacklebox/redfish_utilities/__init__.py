#! /usr/bin/python
# Copyright Notice:
# Copyright 2019-2026 DMTF. All rights reserved.
# License: BSD 3-Clause License. For full text see link: https://github.com/DMTF/Redfish-Tacklebox/blob/main/LICENSE.md

from .accounts import get_users
from .accounts import print_users
from .accounts import add_user
from .accounts import delete_user
from .accounts import modify_user
from .assembly import get_assembly
from .assembly import print_assembly
from .assembly import download_assembly
from .assembly import upload_assembly
from .certificates import get_all_certificates
from .certificates import print_certificates
from .certificates import get_generate_csr_info
from .certificates import generate_csr
from .certificates import install_certificate
from .certificates import delete_certificate
from .event_service import get_event_service
from .event_service import print_event_service
from .event_service import get_event_subscriptions
from .event_service import print_event_subscriptions
from .event_service import create_event_subscription
from .event_service import delete_event_subscription
from .inventory import get_system_inventory
from .inventory import print_system_inventory
from .inventory import write_system_inventory
from .licenses import get_licenses
from .licenses import print_licenses
from .licenses import install_license
from .licenses import delete_license
from .logs import log_container
from .logs import diagnostic_data_types
from .logs import get_log_service_ids
from .logs import get_log_service
from .logs import get_log_entries
from .logs import print_log_entries
from .logs import clear_log_entries
from .logs import collect_diagnostic_data
from .logs import download_diagnostic_data
from .managers import get_manager_ids
from .managers import get_manager
from .managers import set_manager
from .managers import print_manager
from .managers import get_manager_reset_info
from .managers import manager_reset
from .managers import get_manager_reset_to_defaults_info
from .managers import manager_reset_to_defaults
from .managers import get_manager_network_protocol
from .managers import set_manager_network_protocol
from .managers import print_manager_network_protocol
from .managers import get_manager_ethernet_interface_ids
from .managers import get_manager_ethernet_interface
from .managers import set_manager_ethernet_interface
from .managers import print_manager_ethernet_interface
from .messages import print_error_payload
from .messages import verify_response
from .power_equipment import power_equipment_types
from .power_equipment import power_equipment_electrical_types
from .power_equipment import get_power_equipment_ids
from .power_equipment import get_power_equipment
from .power_equipment import print_power_equipment
from .power_equipment import get_power_equipment_summary
from .power_equipment import print_power_equipment_summary
from .power_equipment import get_power_equipment_electrical
from .power_equipment import print_power_equipment_electrical
from .power_equipment import print_power_equipment_electrical_summary
from .resets import reset_types
from .resets import reset_to_defaults_types
from .sensors import get_sensors
from .sensors import print_sensors
from .systems import get_system_ids
from .systems import get_system
from .systems import get_system_boot
from .systems import set_system_boot
from .systems import print_system_boot
from .systems import get_system_reset_info
from .systems import system_reset
from .systems import get_virtual_media
from .systems import print_virtual_media
from .systems import insert_virtual_media
from .systems import eject_virtual_media
from .systems import get_system_bios
from .systems import set_system_bios
from .systems import print_system_bios
from .systems import reset_system_bios
from .tasks import poll_task_monitor
from .thermal_equipment import thermal_equipment_types
from .thermal_equipment import thermal_equipment_component_types
from .thermal_equipment import get_thermal_equipment_ids
from .thermal_equipment import get_thermal_equipment
from .thermal_equipment import print_thermal_equipment
from .thermal_equipment import get_thermal_equipment_summary
from .thermal_equipment import print_thermal_equipment_summary
from .thermal_equipment import get_thermal_equipment_component
from .thermal_equipment import print_thermal_equipment_component
from .thermal_equipment import print_thermal_equipment_component_summary
from .thermal_equipment import print_thermal_equipment_leak_detector_summary
from .update import operation_apply_times
from .update import get_update_service
from .update import get_simple_update_info
from .update import simple_update
from .update import multipart_push_update
from .update import get_firmware_inventory
from .update import print_software_inventory
from .misc import logout, print_password_change_required_and_logout

from . import config

__all__ = [
    "get_users",
    "print_users",
    "add_user",
    "delete_user",
    "modify_user",
    "get_assembly",
    "print_assembly",
    "download_assembly",
    "upload_assembly",
    "get_all_certificates",
    "print_certificates",
    "get_generate_csr_info",
    "generate_csr",
    "install_certificate",
    "delete_certificate",
    "get_event_service",
    "print_event_service",
    "get_event_subscriptions",
    "print_event_subscriptions",
    "create_event_subscription",
    "delete_event_subscription",
    "get_system_inventory",
    "print_system_inventory",
    "write_system_inventory",
    "get_licenses",
    "print_licenses",
    "install_license",
    "delete_license",
    "log_container",
    "diagnostic_data_types",
    "get_log_service_ids",
    "get_log_service",
    "get_log_entries",
    "print_log_entries",
    "clear_log_entries",
    "collect_diagnostic_data",
    "download_diagnostic_data",
    "get_manager_ids",
    "get_manager",
    "set_manager",
    "print_manager",
    "get_manager_reset_info",
    "manager_reset",
    "get_manager_reset_to_defaults_info",
    "manager_reset_to_defaults",
    "get_manager_network_protocol",
    "set_manager_network_protocol",
    "print_manager_network_protocol",
    "get_manager_ethernet_interface_ids",
    "get_manager_ethernet_interface",
    "set_manager_ethernet_interface",
    "print_manager_ethernet_interface",
    "print_error_payload",
    "verify_response",
    "power_equipment_types",
    "power_equipment_electrical_types",
    "get_power_equipment_ids",
    "get_power_equipment",
    "print_power_equipment",
    "get_power_equipment_summary",
    "print_power_equipment_summary",
    "get_power_equipment_electrical",
    "print_power_equipment_electrical",
    "print_power_equipment_electrical_summary",
    "reset_types",
    "reset_to_defaults_types",
    "get_sensors",
    "print_sensors",
    "get_system_ids",
    "get_system",
    "get_system_boot",
    "set_system_boot",
    "print_system_boot",
    "get_system_reset_info",
    "system_reset",
    "get_virtual_media",
    "print_virtual_media",
    "insert_virtual_media",
    "eject_virtual_media",
    "get_system_bios",
    "set_system_bios",
    "print_system_bios",
    "reset_system_bios",
    "poll_task_monitor",
    "thermal_equipment_types",
    "thermal_equipment_component_types",
    "get_thermal_equipment_ids",
    "get_thermal_equipment",
    "print_thermal_equipment",
    "get_thermal_equipment_summary",
    "print_thermal_equipment_summary",
    "get_thermal_equipment_component",
    "print_thermal_equipment_component",
    "print_thermal_equipment_component_summary",
    "print_thermal_equipment_leak_detector_summary",
    "operation_apply_times",
    "get_update_service",
    "get_simple_update_info",
    "simple_update",
    "multipart_push_update",
    "get_firmware_inventory",
    "print_software_inventory",
    "logout",
    "print_password_change_required_and_logout",
    "config",
]
