#ifndef OBLIGE_CYAML_SHIM_H
#define OBLIGE_CYAML_SHIM_H
#include <yaml.h>
#endif
