data "hikube_scheduling_classes" "all" {}

output "classes" {
  value = { for c in data.hikube_scheduling_classes.all.classes : c.name => c.zones }
}
