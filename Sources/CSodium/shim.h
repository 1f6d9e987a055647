#ifndef NAZORG_CSODIUM_SHIM_H
#define NAZORG_CSODIUM_SHIM_H
#include <sodium.h>
#endif
