variable "postgres_version" {
  description = "PostgreSQL major. v18 is Hikube's current default; pin it so a change of default never surprises you. Hikube Local runs the majors installed on the machine (e.g. v15 from Debian 12)."
  type        = string
  default     = "v18"
}

variable "deletion_protection" {
  description = "Refuse to destroy (or replace) the cluster. Set false to tear it down."
  type        = bool
  default     = true
}
