// "Η θέση μου τώρα": fills in the coordinates from the browser's position; without JavaScript the form works as typed.
(function () {
  var button = document.getElementById('use-position');
  if (!button || !navigator.geolocation) {
    return;
  }
  var status = document.getElementById('position-status');
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById('lat').value = position.coords.latitude.toFixed(5);
      document.getElementById('lon').value = position.coords.longitude.toFixed(5);
      document.getElementById('municipalityCode').value = '';
      button.form.submit();
    }, function () {
      status.textContent = button.getAttribute('data-failed');
    }, {timeout: 10000, maximumAge: 60000});
  });
})();
