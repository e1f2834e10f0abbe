include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS plansight EXPORT plansightTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/plansight DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/include/plansight/version.hpp"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/plansight)
if(TARGET plansight_cli)
  install(TARGETS plansight_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(_config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/plansight)
install(EXPORT plansightTargets NAMESPACE plansight:: DESTINATION ${_config_dir})
configure_package_config_file(cmake/plansightConfig.cmake.in
  "${CMAKE_CURRENT_BINARY_DIR}/plansightConfig.cmake" INSTALL_DESTINATION ${_config_dir})
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/plansightConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/plansightConfig.cmake"
  "${CMAKE_CURRENT_BINARY_DIR}/plansightConfigVersion.cmake" DESTINATION ${_config_dir})
