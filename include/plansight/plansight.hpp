// plansight: a safeguarding partnership's multi-agency audit action plans,
// from audit to impact. This umbrella header brings in the whole public API.
#pragma once

#include "plansight/briefings.hpp"
#include "plansight/changes.hpp"
#include "plansight/dates.hpp"
#include "plansight/dependencies.hpp"
#include "plansight/dot.hpp"
#include "plansight/enums.hpp"
#include "plansight/errors.hpp"
#include "plansight/ids.hpp"
#include "plansight/interchange.hpp"
#include "plansight/model.hpp"
#include "plansight/plan.hpp"
#include "plansight/review_cycles.hpp"
#include "plansight/rules.hpp"
#include "plansight/schedule.hpp"
#include "plansight/spreadsheet.hpp"
#include "plansight/status.hpp"
#include "plansight/store.hpp"
#include "plansight/summary.hpp"
#include "plansight/themes.hpp"
#include "plansight/version.hpp"
